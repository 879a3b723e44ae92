import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { type Actor, seesPersonalData } from '../../domain/actor.js';
import { redactFreeText } from './free-text.js';

/**
 * Applies `redactFreeText` to every response body (JSON, and text such as the thematic report)
 * of a signed-in actor who does not see personal data (`seesPersonalData`): auditors, leaders,
 * and any role added later (units, when they get accounts). The secretariat and admins see text
 * as typed. Public routes (no actor) are left alone; responses written straight to the socket
 * (the CSV export) redact themselves, and error bodies never carry input (see `validation.ts`).
 */
@Injectable()
export class FreeTextRedactionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    // Guards run before interceptors: the actor is known here, so the secretariat's requests pass untouched.
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    if (!req.actor || seesPersonalData(req.actor)) return next.handle();
    return next.handle().pipe(map((body: unknown) => redactFreeText(body)));
  }
}
