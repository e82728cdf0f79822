/**
 * QR codes for printed pages, drawn at build as SVG by `qrcode` (no script, no image request): a phone's camera opens
 * the address it holds. Error correction M (15 %) survives a crease or a smudge on a printout.
 */
import QRCode from 'qrcode';

/** An <svg> whose QR code holds `url`, with a 4-module quiet zone, sized by CSS (viewBox only). */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return svg.replace(/ width="\d+" height="\d+"/, '');
}
