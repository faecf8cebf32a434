export { DocumentsModule } from './documents.module';
export { documentStoreOf, type DocumentStore } from './document-store';
