import { common } from './common';
import { login } from './login';
import { ledger } from './ledger';
import { intake } from './intake';
import { caseMessages } from './case';
import { planning } from './planning';
import { leader } from './leader';

export const zhCN = { common, login, ledger, intake, case: caseMessages, planning, leader };
