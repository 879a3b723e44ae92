import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { LetterKind } from '../domain/letter-kinds.js';

/**
 * An admin's wording of one kind of letter (公文模板), replacing the shipped one (config/letter-templates.json).
 * `version` counts the edits (1 = the first stored edit); who and when are kept, each edit is audited.
 */
@Entity('letter_templates')
export class LetterTemplate {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind!: LetterKind;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'varchar', length: 12 })
  numberPrefix!: string;

  @Column({ type: 'varchar', length: 100 })
  addressee!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 100 })
  updatedBy!: string;

  @DateTimeColumn()
  updatedAt!: Date;
}

/** A letter generated on a case: its kind and number; the .docx itself is a case attachment (kind `letter`). */
@Entity('case_letters')
@Index('idx_case_letters_case', ['caseId', 'createdAt'])
@Index('idx_case_letters_number', ['numberPrefix', 'year', 'serial'], { unique: true })
export class CaseLetter {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: LetterKind;

  @Column({ type: 'varchar', length: 12 })
  numberPrefix!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  serial!: number;

  /** 人大信转〔2026〕12号 */
  @Column({ type: 'varchar', length: 40 })
  number!: string;

  /** Whom it is addressed to (the unit's name, or 信访人 for the notices to the petitioner: no name kept here). */
  @Column({ type: 'varchar', length: 100 })
  addressee!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  attachmentId!: string;

  @Column({ type: 'varchar', length: 100 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;
}

/** The last serial issued per number prefix and year; moved in the generating transaction (numbers without gaps). */
@Entity('letter_counters')
export class LetterCounter {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  numberPrefix!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'int' })
  lastSerial!: number;
}
