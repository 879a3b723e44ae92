import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { POLICY } from '../common/tokens.js';
import { OfficeSettingsActivation, OfficeSettingsVersion } from './office-settings.entity.js';
import { OfficeSettingsRepository } from './office-settings.repository.js';
import { OfficeSettings } from './office-settings.js';
import { SettingsController } from './settings.controller.js';
import { SettingsService } from './settings.service.js';

/**
 * Office settings (办公设置). Global: every feature reads the version in force through `OfficeSettings`
 * (and code that still takes the `POLICY` token gets a view that reads the version in force).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OfficeSettingsVersion, OfficeSettingsActivation])],
  controllers: [SettingsController],
  providers: [
    OfficeSettingsRepository,
    OfficeSettings,
    SettingsService,
    { provide: POLICY, useFactory: (settings: OfficeSettings) => settings.livePolicy(), inject: [OfficeSettings] },
  ],
  exports: [OfficeSettings, SettingsService, POLICY],
})
export class SettingsModule {}
