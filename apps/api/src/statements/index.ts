export { StatementPdf } from './statement-pdf';
