import { ebml, exifApp1, ftyp, gpsExif, jpeg, latin1, png, webp } from './fixtures/build';
import { sniffMedia } from './sniff';

describe('sniffMedia: the type by content', () => {
  it.each([
    ['JPEG', jpeg([exifApp1(gpsExif('II', 29.3068, 120.0751))]), 'photo', 'image/jpeg', 'jpg'],
    ['PNG', png([]), 'photo', 'image/png', 'png'],
    ['GIF', Buffer.concat([latin1('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0, 0x3b])]), 'photo', 'image/gif', 'gif'],
    ['WebP', webp(0, []), 'photo', 'image/webp', 'webp'],
    ['HEIC from an iPhone', ftyp('heic', ['mif1', 'heic']), 'photo', 'image/heic', 'heic'],
    ['HEIF (mif1)', ftyp('mif1', ['heic', 'mif1']), 'photo', 'image/heif', 'heif'],
    ['HEIF sequence', ftyp('msf1', ['msf1', 'hevc']), 'photo', 'image/heif-sequence', 'heif'],
    ['MP4', ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41']), 'video', 'video/mp4', 'mp4'],
    ['MP4 (mp42)', ftyp('mp42', ['isom', 'mp42']), 'video', 'video/mp4', 'mp4'],
    ['M4V', ftyp('M4V ', ['M4V ', 'M4A ', 'mp42', 'isom']), 'video', 'video/mp4', 'mp4'],
    ['MP4 with a maker brand', ftyp('XAVC', ['XAVC', 'mp42', 'iso2']), 'video', 'video/mp4', 'mp4'],
    ['MOV from an iPhone', ftyp('qt  ', ['qt  ']), 'video', 'video/quicktime', 'mov'],
    ['3GP', ftyp('3gp4', ['isom', '3gp4']), 'video', 'video/3gpp', '3gp'],
    ['3G2', ftyp('3g2a', ['3g2a']), 'video', 'video/3gpp2', '3g2'],
    ['WebM', ebml('webm'), 'video', 'video/webm', 'webm'],
  ])('%s', (_name, bytes, kind, mediaType, extension) => {
    expect(sniffMedia(bytes)).toEqual({ kind, mediaType, extension });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['a PDF renamed .jpg', latin1('%PDF-1.7\n1 0 obj << /Type /Catalog >>\n')],
    ['a Windows executable', Buffer.concat([latin1('MZ'), Buffer.alloc(62)])],
    ['an ELF executable', Buffer.concat([Buffer.from([0x7f]), latin1('ELF'), Buffer.alloc(60)])],
    ['HTML', latin1('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['SVG with script', latin1('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['SVG without script (refused all the same)', latin1('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>')],
    ['a ZIP archive', Buffer.concat([latin1('PK\x03\x04'), Buffer.alloc(26)])],
    ['a text file renamed .jpg', latin1('这不是照片 not a photo\n')],
    ['only the first JPEG bytes', Buffer.from([0xff, 0xd8, 0xff])],
    ['a JPEG start followed by text', Buffer.concat([Buffer.from([0xff, 0xd8, 0x20]), latin1('<script>')])],
    ['a RIFF that is not WebP (WAV)', Buffer.concat([latin1('RIFF'), Buffer.alloc(4), latin1('WAVEfmt '), Buffer.alloc(8)])],
    ['M4A audio', ftyp('M4A ', ['M4A ', 'mp42', 'isom'])],
    ['AVIF (mif1 only as a compatible brand)', ftyp('avif', ['avif', 'mif1', 'miaf'])],
    ['an unknown ftyp brand', ftyp('abcd', ['abcd'])],
    ['an ftyp with an absurd size', Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff]), latin1('ftypisom'), Buffer.alloc(8)])],
    ['Matroska (not WebM)', ebml('matroska')],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffMedia(bytes)).toBeUndefined();
  });
});
