export { DocumentsModule } from './documents.module';
export { documentStoreOf, type DocumentStore } from './document-store';
export { documentRecord, type DocumentRecord, type DocumentRecordRow } from './document-record';
