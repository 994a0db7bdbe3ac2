/**
 * Valid sample files the simulator serves as customer media. The photo (a parcel on a table, drawn
 * here as a PNG) and the audio clip (a short tune, WAV) look and sound like something in the inbox;
 * the other kinds are small files with the right magic bytes.
 */
import { encodePng } from '../lib/png';

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

/** A 480×320 photo-like PNG: a cardboard parcel with its tape and shadow on a wooden table. */
function parcelPhoto(): Uint8Array {
  const w = 480, h = 320;
  const px = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const wall = y < 170;
      let r = wall ? 226 - y / 6 : 150 + 20 * Math.sin(x / 23 + y / 90);
      let g = wall ? 232 - y / 6 : 104 + 14 * Math.sin(x / 23 + y / 90);
      let b = wall ? 238 - y / 8 : 64 + 8 * Math.sin(x / 23);
      const inBox = x > 150 && x < 330 && y > 95 && y < 245;
      const shadow = !inBox && x > 162 && x < 350 && y > 235 && y < 258;
      if (shadow) { r *= 0.6; g *= 0.6; b *= 0.6; }
      if (inBox) {
        const light = 1 - (x - 150) / 700;
        [r, g, b] = [196 * light, 150 * light, 98 * light];
        if (Math.abs(x - 240) < 10) [r, g, b] = [222, 200, 160];
      }
      const i = (y * w + x) * 3;
      px[i] = r; px[i + 1] = g; px[i + 2] = b;
    }
  }
  return encodePng(w, h, px, 3);
}

/** A 3-second tune (8 kHz, 8-bit mono WAV) that a browser's audio player can play and time. */
function shortTune(): Uint8Array {
  const rate = 8000, notes = [523, 659, 784, 1047, 784, 659], per = rate / 2;
  const samples = Buffer.alloc(notes.length * per);
  notes.forEach((f, n) => {
    for (let i = 0; i < per; i++) samples[n * per + i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * f * i) / rate) * (1 - i / per));
  });
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1'); head.writeUInt32LE(36 + samples.length, 4); head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16); head.writeUInt16LE(1, 20); head.writeUInt16LE(1, 22); head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate, 28); head.writeUInt16LE(1, 32); head.writeUInt16LE(8, 34); head.write('data', 36, 'latin1'); head.writeUInt32LE(samples.length, 40);
  return Buffer.concat([head, samples]);
}

/** Sample bytes for an inbound media kind (`voice` is an ogg/opus voice note). */
export function sampleMedia(kind: 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker'): SampleFile {
  switch (kind) {
    case 'image': return { bytes: parcelPhoto(), mimeType: 'image/png' };
    case 'sticker': return { bytes: Buffer.from(WEBP, 'base64'), mimeType: 'image/webp' };
    case 'document': return { bytes: new TextEncoder().encode(PDF), mimeType: 'application/pdf', filename: 'comprobante-pago.pdf' };
    case 'video': return { bytes: withMagic([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32], 2048), mimeType: 'video/mp4' };
    case 'voice': return { bytes: withMagic([0x4f, 0x67, 0x67, 0x53], 1024), mimeType: 'audio/ogg; codecs=opus' };
    default: return { bytes: shortTune(), mimeType: 'audio/wav', filename: 'audio.wav' };
  }
}
