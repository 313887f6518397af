namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>A temporary folder holding a source tree and the images made from it; deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Directory.CreateTempSubdirectory("discmastering-reading-").FullName;
        Source = Directory.CreateDirectory(System.IO.Path.Combine(Root, "source")).FullName;
    }

    public string Root { get; }

    /// <summary>The folder whose contents go on the disc.</summary>
    public string Source { get; }

    /// <summary>A path beside <see cref="Source"/>, outside the disc's tree.</summary>
    public string Path(string name) => System.IO.Path.Combine(Root, name);

    /// <summary>Writes a file under <see cref="Source"/>, creating its folders; '/' separates the relative path.</summary>
    public string WriteFile(string relativePath, byte[] content)
    {
        var full = System.IO.Path.Combine(Source, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Bytes that differ from file to file, so a mixed-up extent shows.</summary>
    public static byte[] Content(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

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
