namespace DiscMastering.Tasks.Tests.TestUtilities;

/// <summary>
/// A new folder under the system's temporary folder, deleted on dispose (kept when DISCMASTERING_KEEP_TEST_FILES
/// is 1, to look at after a failure).
/// </summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Writes a file inside the folder (creating its folders) and returns its full path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        string path = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("DISCMASTERING_KEEP_TEST_FILES") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process the test started may still hold a file; the system cleans its temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
