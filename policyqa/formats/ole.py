"""Word 97–2003 (.doc) and WPS (.wps) files, through LibreOffice headless when it is installed.

``soffice --headless --convert-to docx`` turns the file into DOCX in a private temporary directory (with
its own LibreOffice profile, so it neither collides with a running LibreOffice nor leaves state behind),
then the DOCX reader reads it. Without LibreOffice the file is skipped with one line naming the package
to install — never read as an empty document.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .extraction import Extraction

TIMEOUT_S = 120
INSTALL_HINT = "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)"


def soffice() -> str | None:
    """The LibreOffice command, or None when it is not installed (``$POLICYQA_SOFFICE`` overrides)."""
    given = os.environ.get("POLICYQA_SOFFICE")
    if given:
        return given if shutil.which(given) or Path(given).is_file() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_ole(path: Any, raw: bytes) -> Extraction:
    """A .doc/.wps file → DOCX (LibreOffice) → text."""
    from .docx import read_docx

    command = soffice()
    if command is None:
        raise IngestError(f"{path}: is a Word 97–2003/WPS file; reading it needs LibreOffice: {INSTALL_HINT}, "
                          "then index again (or save it as .docx)")
    with tempfile.TemporaryDirectory(prefix="policyqa-soffice-") as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(raw)
        out = Path(tmp) / "out"
        profile = Path(tmp) / "profile"
        try:
            done = subprocess.run(
                [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(src)],
                capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise IngestError(f"{path}: LibreOffice did not convert it within {TIMEOUT_S} s; "
                              "save it as .docx and index again") from None
        except OSError as exc:
            raise IngestError(f"{path}: LibreOffice ({command}) cannot be started ({exc.strerror}); {INSTALL_HINT}") from None
        converted = out / "in.docx"
        if done.returncode != 0 or not converted.is_file():
            detail = (done.stderr or done.stdout).decode(errors="replace").strip().splitlines()
            raise IngestError(f"{path}: LibreOffice could not convert it ({detail[-1] if detail else 'no output'}); "
                              "the file may be damaged or password-protected: open it and save it as .docx")
        result = read_docx(path, converted.read_bytes(), fmt="doc")
    return result
