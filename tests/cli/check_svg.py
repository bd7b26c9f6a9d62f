#!/usr/bin/env python3
"""An exported SVG parses as XML, keeps its text as text, names the chart's
title and carries the tracing footer. Usage: check_svg.py FILE.svg TITLE"""
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    path, title = sys.argv[1], sys.argv[2]
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        print(f"{path}: not XML: {error}")
        return 1
    if not root.tag.endswith("svg"):
        print(f"{path}: the root element is {root.tag}, not svg")
        return 1
    texts = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    if not any(title in text for text in texts):
        print(f"{path}: no text element with the title {title!r}; texts: {texts[:5]}")
        return 1
    if not any("rate card as of" in text for text in texts):
        print(f"{path}: no tracing footer")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
