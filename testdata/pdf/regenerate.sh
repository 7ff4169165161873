#!/bin/sh
# Regenerates the PDF fixtures of internal/document/pdf from contract_ja.docx
# (itself written by `go test ./internal/document/docx -run TestContractFixture
# -update`: the contract of testdata/docx with its tracked changes accepted).
# The tests only read the committed PDFs; this needs LibreOffice, Poppler and
# two Japanese fonts:
#
#   apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-ipaexfont-mincho
#
# contract_ja.pdf      LibreOffice's export, in Noto Serif CJK JP: simple
#                      (Type 1 / TrueType) subset fonts with ToUnicode maps.
# contract_ja_cid.pdf  The same document set in IPAex Mincho (TrueType) and
#                      rewritten by cairo (pdftocairo), which writes Type0
#                      CID fonts with Identity-H encoding and ToUnicode maps,
#                      as most PDF producers do for Japanese.
# scanned_ja.pdf       Page 1 rendered to a JPEG and wrapped in a PDF with no
#                      text layer, as a scanner makes it.
#
# Then refresh the expected texts: go test ./internal/document/pdf -run TestFixtures -update
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
profile="-env:UserInstallation=file://$tmp/profile"

soffice "$profile" --headless --convert-to pdf --outdir "$tmp/noto" contract_ja.docx >/dev/null
cp "$tmp/noto/contract_ja.pdf" contract_ja.pdf

mkdir "$tmp/ipa"
(cd "$tmp/ipa" && unzip -q "$OLDPWD/contract_ja.docx" &&
	sed -i 's/Noto Serif CJK JP/IPAexMincho/g' word/styles.xml &&
	zip -q -X -r ../contract_ja.docx .)
soffice "$profile" --headless --convert-to pdf --outdir "$tmp/ipaout" "$tmp/contract_ja.docx" >/dev/null
pdftocairo -pdf "$tmp/ipaout/contract_ja.pdf" contract_ja_cid.pdf

pdftoppm -r 60 -gray -jpeg -jpegopt quality=60 -f 1 -l 1 contract_ja.pdf "$tmp/scan"
(cd ../.. && go test ./internal/document/pdf -run TestFixtures -update -scan-jpeg="$tmp/scan-1.jpg")

pdffonts contract_ja.pdf
pdffonts contract_ja_cid.pdf
ls -l ./*.pdf
