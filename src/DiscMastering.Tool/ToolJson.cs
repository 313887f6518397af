using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DiscMastering.Tool;

/// <summary>How the tool prints JSON: whole documents for people and scripts, single lines for progress events.</summary>
internal static class ToolJson
{
    private static readonly JsonWriterOptions s_documentOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one indented document, names and paths unescaped.</summary>
    public static void WriteDocument(TextWriter output, Action<Utf8JsonWriter> write) => Write(output, s_documentOptions, write);

    /// <summary>Writes one object on one line and flushes it, so a program reading the output sees each event at once.</summary>
    public static void WriteLine(TextWriter output, Action<Utf8JsonWriter> write) => Write(output, default, json =>
    {
        json.WriteStartObject();
        write(json);
        json.WriteEndObject();
    });

    private static void Write(TextWriter output, JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }
}
