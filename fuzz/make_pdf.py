"""Minimal uncompressed PDF: the lines of a pdftotext -layout dump set in
Courier (a standard font, not embedded) at their character positions, with
a horizontal rule under every non-blank line: a small fuzzing seed that
rencana reads as a plan.

    python3 make_pdf.py plan.layout.txt plan.pdf
"""
import sys

src, dst = sys.argv[1], sys.argv[2]
lines = open(src, encoding='utf-8').read().split('\n')[:60]
size, lead = 6.0, 8.0
cw = size * 0.6
ops = ['0.5 w']
y = 820.0
for l in lines:
    if l.strip():
        t = l.rstrip().encode('cp1252', 'replace').replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)')
        ops.append(b'BT /F1 %.1f Tf 20 %.1f Td (' % (size, y) + t + b') Tj ET')
        ops.append(f'20 {y-2:.1f} m {20+cw*len(l.rstrip()):.1f} {y-2:.1f} l S')
    y -= lead
body = b'\n'.join(o if isinstance(o, bytes) else o.encode() for o in ops)
objs = [
    b'<< /Type /Catalog /Pages 2 0 R >>',
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    b'<< /Length %d >>\nstream\n' % len(body) + body + b'\nendstream',
    b'<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
]
out = bytearray(b'%PDF-1.4\n')
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
x = len(out)
out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
for o in offs:
    out += b'%010d 00000 n \n' % o
out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, x)
open(dst, 'wb').write(out)
