using System.Text.Json;

namespace DiscMastering.Tool.Progress;

/// <summary>Writes one JSON object per line and flushes it, so a program reading the output sees each event at once.</summary>
internal static class JsonLines
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Flush();
    }
}
