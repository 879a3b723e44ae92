import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { OfficeSettingsBody, SettingsStatus } from './office-settings.types.js';

/**
 * A version of the office settings (办公设置). Drafts are editable; a published version never changes
 * and exactly one is active — enforced by the unique `activeMarker` (1 for the active version, NULL otherwise).
 * `publishedBy`/`publishedAt` are written once, by the first publish; re-activations are in `office_settings_activations`.
 */
@Entity('office_settings')
@Index('idx_office_settings_version', ['version'], { unique: true })
@Index('idx_office_settings_active', ['activeMarker'], { unique: true })
export class OfficeSettingsVersion {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 12 })
  status!: SettingsStatus;

  @Column({ type: 'int', nullable: true })
  activeMarker!: number | null;

  @Column({ type: 'simple-json' })
  body!: OfficeSettingsBody;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  /** The version this draft started from, if any. */
  @Column({ type: 'int', nullable: true })
  basedOn!: number | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 64, nullable: true })
  publishedBy!: string | null;

  @DateTimeColumn({ nullable: true })
  publishedAt!: Date | null;
}

export const SETTINGS_ACTIVATION_ACTIONS = ['publish', 'rollback'] as const;
export type SettingsActivationAction = (typeof SETTINGS_ACTIVATION_ACTIONS)[number];

/** Append-only: each publish and each rollback of office settings, with the version it replaced. */
@Entity('office_settings_activations')
@Index('idx_office_settings_activations_at', ['at'])
export class OfficeSettingsActivation {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  settingsId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 12 })
  action!: SettingsActivationAction;

  @Column({ type: 'int', nullable: true })
  fromVersion!: number | null;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  @Column({ type: 'varchar', length: 64 })
  by!: string;

  @DateTimeColumn()
  at!: Date;
}
