package dev.debrief.ingest;

/** One text line: NFKC text, mean font size in points, top y (from the page top), page index. */
record PdfLine(String text, float size, float y, int page) {}
