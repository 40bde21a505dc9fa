#!/usr/bin/env bash
# Regenerates the PNG app icons from the SVG sources (Debian: librsvg2-bin, imagemagick). The
# PNGs are committed, so neither install nor build needs this.
set -euo pipefail
cd "$(dirname "$0")/../public/icons"
for size in 192 512; do rsvg-convert -w $size -h $size icon.svg -o icon-$size.png; done
rsvg-convert -w 512 -h 512 maskable.svg -o maskable-512.png
rsvg-convert -w 180 -h 180 maskable.svg -o apple-touch-icon.png
rsvg-convert -w 48 -h 48 icon.svg -o /tmp/favicon-48.png
/usr/bin/convert /tmp/favicon-48.png -define icon:auto-resize=48,32,16 ../../app/favicon.ico
