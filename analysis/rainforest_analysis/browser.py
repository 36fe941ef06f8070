"""Renders a report in headless Chromium and reports missing images and console errors."""
import os
import shutil
import subprocess

CONSOLE_PROBLEMS = ("Uncaught", "ERR_FILE_NOT_FOUND", "Failed to load resource", "SyntaxError", "TypeError")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def check_report(index_html, timeout=180):
    """Returns (ok, problems): ok if every image loaded, every figure has a table with rows beside it and
    the console shows no error."""
    browser = chromium()
    if browser is None:
        return False, ["no chromium on this machine (Debian package: chromium)"]
    url = "file://" + os.path.abspath(index_html)
    cmd = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--dump-dom", url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    problems = [line for line in done.stderr.splitlines()
                if "CONSOLE" in line and any(p in line for p in CONSOLE_PROBLEMS)]
    problems += [line for line in done.stderr.splitlines() if "ERR_FILE_NOT_FOUND" in line and line not in problems]
    if 'data-images-ok="yes"' not in done.stdout:
        problems.append("not every image loaded (data-images-ok is not 'yes')")
    if 'data-tables-ok="yes"' not in done.stdout:
        problems.append("a figure without the table of its numbers (data-tables-ok is not 'yes')")
    return not problems, problems
