import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { FreeTextRedactionInterceptor } from './free-text.interceptor.js';

/** Personal data in responses: free text redacted for every role that sees personal data masked. */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: FreeTextRedactionInterceptor }] })
export class PiiModule {}
