import { z } from 'zod';
import { IMPORT_CHUNK_BASE64_CHARS } from './types.js';

/** Argument schemas of the import methods in the host contract (shared/api/contract.ts). */
export const importTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-pack') }).strict(),
  z.object({ kind: z.literal('template'), source: z.enum(['built-in', 'user', 'shared']), file: z.string().min(1).max(255) }).strict(),
  z.object({ kind: z.literal('open-pack'), mode: z.enum(['new-sections', 'current-section']) }).strict(),
]);

export const partDestinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('own') }).strict(),
  z.object({ kind: z.literal('template'), index: z.number().int().min(0).max(500) }).strict(),
  z.object({ kind: z.literal('skip') }).strict(),
]);

const id = z.string().min(1).max(100);

export const importUploadArgs = z
  .object({
    /** null for the first piece; then the id the first answer gave. */
    uploadId: id.nullable(),
    fileName: z.string().trim().min(1).max(255),
    /** The whole file's size (checked against the limit before any piece is kept). */
    totalBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    offset: z.number().int().min(0),
    chunk: z.string().max(IMPORT_CHUNK_BASE64_CHARS).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
  })
  .strict();

export const importCommitArgs = z
  .object({
    jobId: id,
    target: importTargetSchema,
    /** The new pack's title (default: the document's). */
    title: z.string().trim().min(1).max(300).optional(),
    destinations: z.record(z.string().max(40), partDestinationSchema).optional(),
    /** Template section index for parts that match none; null: sections of their own. */
    restInto: z.number().int().min(0).max(500).nullable().optional(),
  })
  .strict();

export { id as importIdSchema };
