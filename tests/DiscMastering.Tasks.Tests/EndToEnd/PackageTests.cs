using System.IO.Compression;
using System.Xml.Linq;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>The package itself, and the ways in which a project starts using it.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    [Fact]
    public void The_package_holds_the_targets_the_task_and_the_tool_and_nothing_of_MSBuild()
    {
        using ZipArchive package = ZipFile.OpenRead(Path.Combine(feed.Directory, $"DiscMastering.Tasks.{feed.Version}.nupkg"));
        string[] entries = [.. package.Entries.Select(e => e.FullName)];

        Assert.Subset(
            entries.ToHashSet(),
            new HashSet<string>
            {
                "build/DiscMastering.Tasks.props",
                "build/DiscMastering.Tasks.targets",
                "build/DiscMastering.props",
                "build/DiscMastering.targets",
                "buildMultiTargeting/DiscMastering.Tasks.props",
                "buildMultiTargeting/DiscMastering.Tasks.targets",
                "tasks/netstandard2.0/DiscMastering.Tasks.dll",
                "tools/discmaster/dotnet-discmaster.dll",
                "tools/discmaster/dotnet-discmaster.runtimeconfig.json",
                "tools/discmaster/dotnet-discmaster.deps.json",
            });
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain("tools/discmaster/dotnet-discmaster", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal));

        ZipArchiveEntry nuspecEntry = Assert.Single(package.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using Stream nuspecStream = nuspecEntry.Open();
        XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Elements(), e => e.Name.LocalName == "dependencies");
    }

    [Fact]
    public void A_new_console_app_with_the_package_added_masters_its_publish_folder()
    {
        string folder = Path.Combine(workspace.NewFolder(), "NewApp");
        Directory.CreateDirectory(folder);
        TestProject.WriteFences(folder);
        TestProject.WriteNuGetConfig(folder, feed);
        workspace.Run(folder, "new", "console", "--name", "NewApp", "--output", ".").AssertSucceeded();
        workspace.Run(folder, "add", "package", "DiscMastering.Tasks", "--version", feed.Version).AssertSucceeded();

        workspace.Run(folder, ["build", "-c", "Release", "-t:BurnDisc", .. DotNet.BuildSwitches]).AssertSucceeded();

        string image = Path.Combine(folder, "bin", "Release", "net10.0", "disc", "NewApp.iso");
        IReadOnlyList<DiscImageEntry> expected = DiscImageReader.Expected(Path.Combine(folder, "bin", "Release", "net10.0", "publish"));
        Assert.Contains(expected, e => e.Path == "NewApp.dll");
        Assert.Equal(expected, DiscImageReader.ReadWithPycdlib(image).Files);
        Assert.Equal(expected.Select(e => e.WithoutHash()), DiscImageReader.ReadWith7z(image));
        Assert.Equal(expected.Select(e => e.WithoutHash()), DiscImageReader.ReadWithXorriso(image));
    }

    [Fact]
    public void The_HelloInstaller_sample_makes_its_image_from_the_package()
    {
        string folder = Path.Combine(workspace.NewFolder(), "HelloInstaller");
        string sample = RepositoryLayout.HelloInstallerSample;
        foreach (string file in new[] { "HelloInstaller.csproj", "Program.cs", "disc/autorun.inf", "disc/README.txt", "disc/LICENSE.txt" })
        {
            string target = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(sample, file), target);
        }

        TestProject.WriteFences(folder);
        TestProject.WriteNuGetConfig(folder, feed);
        workspace.Run(folder, "add", "package", "DiscMastering.Tasks", "--version", feed.Version).AssertSucceeded();

        workspace.Run(folder, ["build", "-c", "Release", "-t:BurnDisc", .. DotNet.BuildSwitches]).AssertSucceeded();

        JolietListing image = DiscImageReader.ReadWithPycdlib(Path.Combine(folder, "bin", "Release", "net10.0", "disc", "HelloInstaller.iso"));
        Assert.Equal("HELLO_SETUP", image.JolietVolume);
        Assert.Equal(
            DiscImageReader.Expected(
                Path.Combine(folder, "bin", "Release", "net10.0", "publish"),
                ("autorun.inf", Path.Combine(folder, "disc", "autorun.inf")),
                ("README.txt", Path.Combine(folder, "disc", "README.txt")),
                ("docs/LICENSE.txt", Path.Combine(folder, "disc", "LICENSE.txt"))),
            image.Files);
    }
}
