import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DOCUMENT_STORE, documentStoreOf } from './document-store';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';

/** Documents attached to consent records, projects, reports and revisions, kept by content hash. */
@Module({
  imports: [
    MultipartModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // One byte past the bound ends the upload (413) before the rest is read into memory.
        limits: { fileSize: config.documents.maxBytes, files: 1, fields: 3, parts: 4 },
        // Browsers send a file's name as UTF-8 without saying so: read it as such, not as Latin-1.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [DocumentsController],
  providers: [
    DocumentsRepository,
    DocumentsService,
    {
      provide: DOCUMENT_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => documentStoreOf(config.documents.store),
    },
  ],
})
export class DocumentsModule {}
