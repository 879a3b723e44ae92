import { createPinia } from 'pinia';
import { createApp } from 'vue';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { createConsoleRouter } from './router';
import { currentLanguage } from './composables/useI18n';
import './styles.css';
import './theme.css';

document.documentElement.lang = currentLanguage();
const app = createApp(App);
app.use(createPinia());
app.use(createConsoleRouter());
app.mount('#app');
