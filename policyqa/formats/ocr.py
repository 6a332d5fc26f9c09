"""Optional OCR for PDF pages without a text layer: RapidOCR (Apache-2.0; its ONNX models ship inside the
wheel, nothing is downloaded). Installed with ``pip install "policyqa[ocr]"``; without it, such pages are
reported as needing OCR."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)
_ENGINE: Any = None


class _RapidOCR:
    def __init__(self, impl: Any) -> None:
        self._impl = impl

    def read_page(self, page: Any, scale: float = 2.0) -> str:
        """The text of a rendered PDF page, one line per detected text line in reading order."""
        import numpy as np

        image = np.asarray(page.render(scale=scale).to_pil().convert("RGB"))
        result = self._impl(image)
        boxes = getattr(result, "boxes", None)
        texts = getattr(result, "txts", None)
        if boxes is None or texts is None:  # rapidocr_onnxruntime returns (list of [box, text, score], elapsed)
            items = (result[0] if isinstance(result, tuple) else result) or []
            boxes, texts = [it[0] for it in items], [it[1] for it in items]
        order = sorted(range(len(texts)), key=lambda i: (round(min(p[1] for p in boxes[i]) / (12 * scale)),
                                                         min(p[0] for p in boxes[i])))
        return "\n".join(texts[i] for i in order)


def engine() -> _RapidOCR | None:
    """The OCR engine if the optional extra is installed, else None (checked once)."""
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = False
        for module, name in (("rapidocr", "RapidOCR"), ("rapidocr_onnxruntime", "RapidOCR")):
            try:
                impl = getattr(__import__(module, fromlist=[name]), name)()
            except ImportError:
                continue
            except Exception as exc:  # an engine that cannot start is the same as none, said once
                log.warning("OCR engine %s cannot start (%s); pages without text are reported instead", module, exc)
                continue
            _ENGINE = _RapidOCR(impl)
            break
    return _ENGINE or None
