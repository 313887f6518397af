using System.Text;

namespace DiscMastering.Tool;

/// <summary>
/// Makes stdout and stderr UTF-8 without a byte order mark. Windows otherwise writes in the console's legacy
/// code page ('é' as one byte, Japanese as '?'), and Linux in the locale's character set; programs reading
/// the output (the MSBuild task, scripts parsing --json) expect UTF-8.
/// </summary>
internal static class Utf8Console
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Call before anything is written.</summary>
    public static void Use()
    {
        if (OperatingSystem.IsWindows() && !(Console.IsOutputRedirected && Console.IsErrorRedirected))
        {
            // A Windows console shows bytes in its own code page: switch it to UTF-8, as 'chcp 65001' does.
            try
            {
                Console.OutputEncoding = s_utf8;
                return;
            }
            catch (IOException)
            {
                // No console to switch after all (a detached process): write UTF-8 where the output goes.
            }
        }

        // Redirected output is UTF-8 whatever the code page or locale; a Unix terminal keeps the locale's.
        if (Console.IsOutputRedirected)
        {
            Console.SetOut(Writer(Console.OpenStandardOutput()));
        }

        if (Console.IsErrorRedirected)
        {
            Console.SetError(Writer(Console.OpenStandardError()));
        }
    }

    private static StreamWriter Writer(Stream stream) => new(stream, s_utf8) { AutoFlush = true };
}
