import { z } from 'zod';

/**
 * The council's house style for exported Word documents, kept in settings. Defaults are
 * neutral (no council name or logo, Arial 12 pt, a dark blue accent) so a fresh install
 * exports a plain, accessible document for any council.
 */

/** Largest logo a profile may hold (bytes of the decoded PNG or JPEG). */
export const MAX_LOGO_BYTES = 512 * 1024;
export const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/** Decoded size of a base64 payload, without decoding it. */
export function base64Bytes(payload: string): number {
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  return Math.floor((payload.length * 3) / 4) - padding;
}

export const logoSchema = z.object({
  /** data:image/png;base64,… or data:image/jpeg;base64,… */
  dataUrl: z
    .string()
    .max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40)
    .regex(LOGO_DATA_URL, { message: 'the logo must be a PNG or JPEG picture' })
    .refine((url) => base64Bytes(url.slice(url.indexOf(',') + 1)) <= MAX_LOGO_BYTES, {
      message: `the logo must be ${MAX_LOGO_BYTES / 1024} KB or smaller`,
    }),
  /** Read out by screen readers, e.g. "Sefton Council logo". */
  altText: z.string().trim().min(1, { message: 'the logo needs alt text' }).max(200),
});

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export const brandingSchema = z.object({
  councilName: z.string().max(200).default(''),
  logo: logoSchema.nullable().default(null),
  /** Body and heading font; a sans-serif font keeps documents readable. */
  fontFamily: z.string().trim().min(1).max(60).default('Arial'),
  /** Body text size in points. Below 12 pt fails the council accessibility rules (the checker says so). */
  fontSizePt: z.number().min(8).max(28).default(12),
  /** Colour of headings and the council name, #RRGGBB; must contrast 4.5:1 with white. */
  accentColour: z.string().regex(HEX_COLOUR, { message: 'the accent colour must look like #1F4E79' }).default('#1F4E79'),
  /**
   * The words beside the marking on every page of a pack that is not approved ("DRAFT",
   * "DRAFT – NOT FOR CIRCULATION"). Only the wording: every unapproved pack is marked.
   */
  draftWording: z.string().trim().min(1, { message: 'the draft wording cannot be empty' }).max(60).default('DRAFT'),
});

export type Branding = z.infer<typeof brandingSchema>;
export type Logo = z.infer<typeof logoSchema>;

export function defaultBranding(): Branding {
  return brandingSchema.parse({});
}
