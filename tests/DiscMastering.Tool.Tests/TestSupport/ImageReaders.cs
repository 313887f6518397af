using Xunit.Sdk;

namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>Extracts a disc with readers nobody here wrote and compares what they read with a source folder.</summary>
public static class ImageReaders
{
    /// <summary>Walks the Joliet tree with pycdlib and writes every folder and file under the output folder.</summary>
    private const string PycdlibExtract = """
        import os, sys, pycdlib
        iso = pycdlib.PyCdlib()
        iso.open(sys.argv[1])
        out = sys.argv[2]
        for folder, folders, files in iso.walk(joliet_path='/'):
            base = os.path.join(out, folder.lstrip('/'))
            os.makedirs(base, exist_ok=True)
            for name in files:
                with open(os.path.join(base, name), 'wb') as target:
                    iso.get_file_from_iso_fp(target, joliet_path=folder.rstrip('/') + '/' + name)
        iso.close()
        """;

    public static void ExtractWith7z(string image, string output) =>
        ExternalTool.SevenZip.RunChecked(["x", "-y", "-o" + output, image]);

    public static void ExtractWithXorriso(string image, string output) =>
        ExternalTool.Xorriso.RunChecked(["-osirrox", "on", "-indev", image, "-extract", "/", output]);

    public static void ExtractWithPycdlib(string image, string output) =>
        ExternalTool.Python.RunChecked(["-c", PycdlibExtract, image, output]);

    /// <summary>Fails unless <paramref name="actual"/> holds exactly the files and folders of <paramref name="expected"/>, byte for byte.</summary>
    public static void AssertSameTree(string expected, string actual, string reader)
    {
        static List<string> Entries(string root) => Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p) + (Directory.Exists(p) ? "/" : ""))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(Entries(expected).SequenceEqual(Entries(actual)), $"{reader} read {string.Join(", ", Entries(actual))}; expected {string.Join(", ", Entries(expected))}");
        foreach (var file in Directory.EnumerateFiles(expected, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(expected, file);
            if (!File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, relative))))
            {
                throw new XunitException($"{reader} read '{relative}' with other bytes than its source");
            }
        }
    }
}
