import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import {
  ALL_DOCUMENT_KINDS,
  DOCUMENT_MEDIA_TYPES,
  DOCUMENT_RECORD_KINDS,
  type DocumentRecordKind,
} from '@hstf/domain';
import { NextCursor, PageQuery } from '../common/pagination/pagination';

const RECORD_KIND = {
  enum: DOCUMENT_RECORD_KINDS,
  example: 'consent',
  description: 'The kind of record the document is attached to',
};
const RECORD_ID = {
  format: 'uuid',
  example: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  description: 'The consent record, project, report or revision',
};

export class DocumentDto {
  @ApiProperty({ format: 'uuid', example: '0b4e3c55-59d3-4a47-8f0e-2c1c9b0d6f11' }) id: string;
  @ApiProperty(RECORD_KIND) recordKind: DocumentRecordKind;
  @ApiProperty(RECORD_ID) recordId: string;
  @ApiProperty({ format: 'uuid', description: 'The project the record belongs to' }) projectId: string;
  @ApiProperty({
    enum: ALL_DOCUMENT_KINDS,
    example: 'consent_letter',
    description: 'What the document is, among the kinds of its record',
  })
  documentKind: string;
  @ApiProperty({ example: 'Note verbale MFA-UN-2026-114.pdf', description: 'As it was uploaded' })
  fileName: string;
  @ApiProperty({
    enum: Object.values(DOCUMENT_MEDIA_TYPES),
    example: 'application/pdf',
    description: 'Read from the content, not from the name',
  })
  mediaType: string;
  @ApiProperty({ example: 182044, description: 'Bytes' }) sizeBytes: number;
  @ApiProperty({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 of the content, lower-case hex: the same content is kept once',
  })
  sha256: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Amina Haile',
    description: 'Who attached it (staff and admin only; null for other readers)',
  })
  createdByName: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: 1 }) version: number;
}

export class DocumentPage {
  @ApiProperty({ type: [DocumentDto] }) items: DocumentDto[];
  @NextCursor() nextCursor: string | null;
}

export class DocumentQuery extends PageQuery {
  @ApiProperty(RECORD_KIND)
  @IsIn(DOCUMENT_RECORD_KINDS, { message: `must be one of ${DOCUMENT_RECORD_KINDS.join(', ')}` })
  recordKind: DocumentRecordKind;

  @ApiProperty(RECORD_ID)
  @IsUUID('all', { message: 'must be a UUID' })
  recordId: string;
}

/** The form fields of an upload, beside its `file`. */
export class UploadDocumentRequest {
  @ApiProperty(RECORD_KIND)
  @IsIn(DOCUMENT_RECORD_KINDS, { message: `must be one of ${DOCUMENT_RECORD_KINDS.join(', ')}` })
  recordKind: DocumentRecordKind;

  @ApiProperty(RECORD_ID)
  @IsUUID('all', { message: 'must be a UUID' })
  recordId: string;

  @ApiProperty({ enum: ALL_DOCUMENT_KINDS, example: 'consent_letter' })
  @IsIn(ALL_DOCUMENT_KINDS, { message: `must be one of ${ALL_DOCUMENT_KINDS.join(', ')}` })
  documentKind: string;
}
