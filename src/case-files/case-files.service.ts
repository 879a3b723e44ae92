import { Injectable } from '@nestjs/common';
import { AttachmentsService } from '../attachments/attachments.service.js';
import type { AttachmentKind } from '../attachments/attachment-kinds.js';
import { AttachmentErrors } from '../attachments/attachments.errors.js';
import type { AttachmentRecord } from '../attachments/attachment-record.js';
import { CaseAccess } from '../cases/case-access.js';
import type { Actor } from '../domain/actor.js';
import type { MulterFile } from '../attachments/http/attachment-upload.js';
import { type AttachmentView, type CaseAttachmentsView, toAttachmentView } from '../attachments/http/attachment-view.js';
import { UPLOAD_KINDS } from '../attachments/http/upload-kinds.js';

/**
 * Attachments on the console: who may upload, list and download on which case. A case the user may not
 * see (CaseAccess: a leader's, a unit's scope) answers 404 exactly like a missing one, and so does an
 * attachment of such a case.
 */
@Injectable()
export class CaseFilesService {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly access: CaseAccess,
  ) {}

  async upload(caseId: string, file: MulterFile, kind: AttachmentKind, actor: Actor): Promise<AttachmentView> {
    await this.access.findVisible(caseId, actor);
    const allowed = UPLOAD_KINDS[actor.role];
    if (!allowed.includes(kind)) throw AttachmentErrors.kindNotAllowed(allowed);
    const { mediaType } = await this.attachments.checkUpload(file);
    const record = await this.attachments.store({
      caseId,
      kind,
      fileName: file.originalname,
      buffer: file.buffer,
      mediaType,
      uploadedBy: { id: actor.id, displayName: actor.displayName },
      unitCode: actor.role === 'unit' ? actor.unitCode : null,
      via: 'console',
    });
    return toAttachmentView(record);
  }

  async list(caseId: string, actor: Actor): Promise<CaseAttachmentsView> {
    await this.access.findVisible(caseId, actor);
    const { maxBytes, perCase } = this.attachments.limits;
    return { items: (await this.attachments.listForCase(caseId, actor.role)).map(toAttachmentView), uploadKinds: [...UPLOAD_KINDS[actor.role]], maxBytes, perCase };
  }

  async download(id: string, actor: Actor): Promise<{ record: AttachmentRecord; content: Buffer }> {
    const record = await this.attachments.findById(id);
    if (!record) throw AttachmentErrors.notFound();
    try {
      await this.access.findVisible(record.caseId, actor);
    } catch {
      throw AttachmentErrors.notFound();
    }
    return this.attachments.readContent(id, { actorId: actor.id, actorName: actor.displayName, role: actor.role, via: 'console' });
  }
}
