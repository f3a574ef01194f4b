/** Whether LibreOffice (soffice) runs here: tests of .doc/.wps/.xls/.et conversion take the other branch without it. */
import { execFileSync } from 'node:child_process';

export const hasLibreOffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();
