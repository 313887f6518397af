namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>A temporary folder with a source tree and an output folder, deleted afterwards.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Directory.CreateTempSubdirectory("dm-tool-").FullName;
        Source = Path.Combine(Root, "source");
        Output = Path.Combine(Root, "out");
        Directory.CreateDirectory(Source);
    }

    public string Root { get; }

    public string Source { get; }

    public string Output { get; }

    public string Image => Path.Combine(Output, "disc.iso");

    /// <summary>Writes a file under the source folder, making its folders.</summary>
    public string File(string relativePath, string content = "content")
    {
        var path = Path.Combine(Source, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Files the tool left in the output folder (the image and any temporary file).</summary>
    public string[] OutputFiles() =>
        Directory.Exists(Output) ? Directory.GetFiles(Output).Select(f => Path.GetFileName(f)).ToArray() : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
