using System.Diagnostics;
using DiscMastering.Imapi.Iso9660.Reading;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>Images made by genisoimage, so the reader is checked against another writer than the engine's.</summary>
public sealed class GenisoimageReadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void GenisoimageTreeReadsBack()
    {
        _temp.WriteFile("readme.txt", TempFolder.Content(100, 1));
        _temp.WriteFile("Mixed Case Name.Data", TempFolder.Content(6000, 2));
        _temp.WriteFile("empty.txt", []);
        _temp.WriteFile("noextension", TempFolder.Content(2048, 3));
        _temp.WriteFile("café ünïcode.txt", TempFolder.Content(33, 4));
        _temp.WriteFile("docs/sub dir/deep.bin", TempFolder.Content(300_000, 5));
        _temp.WriteFile("docs/other/notes.md", TempFolder.Content(1, 6));
        for (var i = 0; i < 60; i++)
        {
            _temp.WriteFile($"many/a long name so the folder takes sectors {i:D2}.txt", TempFolder.Content(i * 10, i));
        }

        var image = Genisoimage("-V", "GENLABEL", "-publisher", "Some Publisher");

        using var reader = IsoImageReader.Open(image);
        Assert.Equal("GENLABEL", reader.Primary.VolumeIdentifier);
        Assert.Equal("Some Publisher", reader.Joliet!.PublisherIdentifier);
        Assert.Equal("GENLABEL", reader.Joliet.VolumeIdentifier);
        Assert.Equal(new FileInfo(image).Length, reader.Primary.VolumeBytes);
        Assert.NotNull(reader.Primary.Created);
        Assert.True(reader.GetRoot(joliet: true).Length >= 2048);
        Assert.True(reader.Find("/many", joliet: true)!.Length > 2048, "'many' should span several sectors");

        ReadingAssert.JolietMatchesSource(reader, _temp.Source);
        ReadingAssert.PrimaryMatchesJoliet(reader);
        ReadingAssert.PathTablesMatchDirectories(reader, joliet: false);
        ReadingAssert.PathTablesMatchDirectories(reader, joliet: true);

        var readme = Assert.IsType<IsoEntry>(reader.Find("/README.TXT", joliet: false));
        Assert.Equal(100, readme.Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.Source, "readme.txt")), ReadingAssert.ReadAll(reader, readme));
        Assert.Equal(60, reader.ListDirectory(reader.Find("/MANY", joliet: false)!).Count);
        Assert.DoesNotContain(reader.Walk(joliet: false), e => e.Name.Contains(';') || e.Name.EndsWith('.'));
    }

    private string Genisoimage(params string[] options)
    {
        var image = _temp.Path("genisoimage.iso");
        var start = new ProcessStartInfo(FindGenisoimage())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-quiet", "-J", "-input-charset", "utf-8", .. options, "-o", image, _temp.Source])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"genisoimage failed ({process.ExitCode}): {errors}{output.Result}");
        return image;
    }

    private static string FindGenisoimage()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "genisoimage");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("install genisoimage (apt-get install genisoimage)");
        return "";
    }
}
