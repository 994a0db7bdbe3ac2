/** Small but valid sample files the simulator serves as customer media. */

const JPEG = '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCoANNP/9k=';
const WEBP = 'UklGRjwAAABXRUJQVlA4IDAAAADQAQCdASoIAAgAAUAmJaACdLoB+AADsAD+9aD//yn75gB8wA/5T9/8zRMcx+vQAAA=';

const PDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj
trailer<</Root 1 0 R>>
%%EOF
`;

function withMagic(magic: number[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  crypto.getRandomValues(out);
  out.set(magic, 0);
  return out;
}

export interface SampleFile {
  bytes: Uint8Array;
  mimeType: string;
  filename?: string;
}

/** Sample bytes for an inbound media kind (`voice` is an ogg/opus voice note). */
export function sampleMedia(kind: 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker'): SampleFile {
  switch (kind) {
    case 'image': return { bytes: Buffer.from(JPEG, 'base64'), mimeType: 'image/jpeg' };
    case 'sticker': return { bytes: Buffer.from(WEBP, 'base64'), mimeType: 'image/webp' };
    case 'document': return { bytes: new TextEncoder().encode(PDF), mimeType: 'application/pdf', filename: 'comprobante-pago.pdf' };
    case 'video': return { bytes: withMagic([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32], 2048), mimeType: 'video/mp4' };
    case 'voice': return { bytes: withMagic([0x4f, 0x67, 0x67, 0x53], 1024), mimeType: 'audio/ogg; codecs=opus' };
    default: return { bytes: withMagic([0x49, 0x44, 0x33], 1024), mimeType: 'audio/mpeg' };
  }
}
