// QR codes for the printable slips, rendered on the server as PNG data URLs (package `qrcode`).
import QRCode from 'qrcode';

export function qrDataUrl(text: string): Promise<string> {
  // Level M survives a crease or a smudge on paper; 4 modules of quiet zone as the standard asks.
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 296 });
}
