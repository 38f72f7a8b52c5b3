"""Review a Word copy in LibreOffice, for the back-from-Word round trip (issue 14).

Usage: python3 reviewInLibreOffice.py <in.docx> <out.docx> <profile-dir>

LibreOffice opens the Word file and saves it in its own flat format (.fodt); this script then
makes the reviewer's edits there, in LibreOffice's own markup for recorded changes and comments,
as "Lee Office": types "sharply " after "Costs may rise ", deletes "before the meeting", and
comments "Say how much we ask for." on "fair settlement". LibreOffice then writes the result as
Word, so the comment and tracked changes in the output are made by LibreOffice's Word filter,
not by us. (LibreOffice's Python bridge would do the edits in the program itself, but on these
machines its loadComponentFromURL gives nothing back for any file, headless.)
"""
import os
import shutil
import subprocess
import sys
import tempfile

AUTHOR = 'Lee Office'
WHEN = '2026-12-01T10:00:00'


def soffice(profile, *args):
    subprocess.run(
        ['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--norestore', *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=180,
        check=True,
    )


def change_info():
    return f'<office:change-info><dc:creator>{AUTHOR}</dc:creator><dc:date>{WHEN}</dc:date></office:change-info>'


def replace_once_in_body(text, old, new):
    body = text.index('<office:body>')
    at = text.find(old, body)
    if at < 0 or text.find(old, at + 1) >= 0:
        raise SystemExit(f'expected exactly one {old!r} in the document body')
    return text[:at] + new + text[at + len(old):]


def review(fodt):
    # Typed: "sharply " after "Costs may rise ".
    fodt = replace_once_in_body(fodt, 'Costs may rise in ', 'Costs may rise <text:change-start text:change-id="lee-ins"/>sharply <text:change-end text:change-id="lee-ins"/>in ')
    # Deleted: "before the meeting" (the deleted words live in the change's record).
    fodt = replace_once_in_body(fodt, 'before the meeting.', '<text:change text:change-id="lee-del"/>.')
    # A comment on "fair settlement".
    fodt = replace_once_in_body(
        fodt,
        'for a fair settlement.',
        'for a <office:annotation office:name="lee-comment">'
        f'<dc:creator>{AUTHOR}</dc:creator><dc:date>{WHEN}</dc:date><text:p>Say how much we ask for.</text:p>'
        '</office:annotation>fair settlement<office:annotation-end office:name="lee-comment"/>.',
    )
    regions = (
        f'<text:changed-region xml:id="lee-ins" text:id="lee-ins"><text:insertion>{change_info()}</text:insertion></text:changed-region>'
        f'<text:changed-region xml:id="lee-del" text:id="lee-del"><text:deletion>{change_info()}<text:p>before the meeting</text:p></text:deletion></text:changed-region>'
    )
    if '</text:tracked-changes>' in fodt:
        return fodt.replace('</text:tracked-changes>', regions + '</text:tracked-changes>', 1)
    return fodt.replace('<office:text>', f'<office:text><text:tracked-changes>{regions}</text:tracked-changes>', 1)


def main():
    source, target, profile = (os.path.abspath(a) for a in sys.argv[1:4])
    work = tempfile.mkdtemp(prefix='briefing-lo-review-')
    try:
        shutil.copy(source, os.path.join(work, 'copy.docx'))
        soffice(profile, '--convert-to', 'fodt', '--outdir', work, os.path.join(work, 'copy.docx'))
        flat = os.path.join(work, 'copy.fodt')
        with open(flat, encoding='utf-8') as f:
            text = f.read()
        reviewed = os.path.join(work, 'reviewed.fodt')
        with open(reviewed, 'w', encoding='utf-8') as f:
            f.write(review(text))
        soffice(profile, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', work, reviewed)
        shutil.copy(os.path.join(work, 'reviewed.docx'), target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
