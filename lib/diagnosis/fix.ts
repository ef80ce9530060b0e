/**
 * The only way a Fix is made: every shell command goes through lib/shell, so whatever text a target or a
 * server put into a word, the shown command runs exactly the intended program with those arguments.
 */
import type { Fix, Platform } from '@/lib/diagnosis/types';
import { isPortableWord, UnquotableError } from '@/lib/shell/quote';
import { renderScript, type Script, type Shell } from '@/lib/shell/script';

type Os = Exclude<Platform, 'any'>;

/** The shell a person on that OS most likely types into: sh-like on Linux and macOS, PowerShell on Windows. */
export function defaultShell(platform: Os): Shell {
  return platform === 'win32' ? 'powershell' : 'posix';
}

export function shellFix(platform: Os, label: string, script: Script, shell = defaultShell(platform)): Fix {
  return { platform, label, command: renderScript(shell, script), shell, script };
}

/** The same POSIX command for Linux and macOS. */
export function unixFixes(label: string, script: Script): Fix[] {
  return [shellFix('linux', label, script), shellFix('darwin', label, script)];
}

/**
 * A command for every OS: one text when every word reads the same in sh, PowerShell and cmd; otherwise a
 * POSIX form for Linux and macOS and a PowerShell form for Windows.
 */
export function everywhereFixes(label: string, script: Script): Fix[] {
  const portable = script.every((p) => 'word' in p && isPortableWord(p.word));
  if (portable && script.length > 0 && 'word' in script[0]! && !script[0].word.includes('='))
    return [{ platform: 'any', label, command: renderScript('posix', script), shell: 'portable', script }];
  return [...unixFixes(label, script), shellFix('win32', label, script)];
}

/** A Windows command for cmd.exe, or its PowerShell form when cmd cannot carry one of its words. */
export function cmdFix(label: string, script: Script): Fix {
  try {
    return shellFix('win32', label, script, 'cmd');
  } catch (e) {
    if (e instanceof UnquotableError) return shellFix('win32', label, script, 'powershell');
    throw e;
  }
}

/** Code to put into a program, not a shell command. Build `code` only from validated values and literals. */
export function codeFix(platform: Platform, label: string, code: string): Fix {
  return { platform, label, command: code, shell: 'code' };
}

/** An address to open in a browser. */
export function addressFix(label: string, address: string): Fix {
  return { platform: 'any', label, command: address, shell: 'address' };
}

/** "Set PORT to this": a setting, the same in every OS's instructions (the number is ours). */
export function portSettingFix(label: string, port: number): Fix {
  return codeFix('any', label, `PORT=${Math.trunc(port)}`);
}
