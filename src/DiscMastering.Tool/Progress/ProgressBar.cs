using System.Globalization;

namespace DiscMastering.Tool.Progress;

/// <summary>The bar both reporters draw on a terminal: <c>[#########---------------------]  30.0%</c>.</summary>
internal static class ProgressBar
{
    private const int Width = 30;

    public static string Render(double fraction)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        var filled = (int)(fraction * Width);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,5:0.0}%");
    }

    /// <summary>Redraws the terminal's current line with <paramref name="line"/>.</summary>
    public static void Redraw(TextWriter output, string line) =>
        output.Write("\r" + line.PadRight(Console.IsOutputRedirected ? 0 : Math.Max(0, Console.WindowWidth - 1)));
}
