"""Text from outside the tool (what the person typed, what a page says) as the terminal shows it:
control and bidi characters written out as escapes, so that a value cannot move the cursor, clear
a line, recolour the screen or reverse its own letters in the review of what will be sent. The
value itself is sent as typed; only its picture in the terminal changes."""

from __future__ import annotations

import unicodedata

# Format characters that belong in ordinary text: joiners inside emoji and in Persian or Indic
# words. Every other one (bidi marks, embeddings and isolates, zero-width spaces, tags) is shown.
_KEPT = frozenset("\n\t\u200c\u200d")
_NAMED = {"\r": r"\r"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with control, format (bidi…) and line-separator characters escaped (\\x1b,
    \\u202e); line breaks, tabs and joiners kept."""
    return "".join(
        _escape(ch) if ch not in _KEPT and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in text
    )
