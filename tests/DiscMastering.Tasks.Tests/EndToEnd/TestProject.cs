using System.Xml.Linq;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// A small SDK project written to a folder of its own: a console app by default, referencing the DiscMastering.Tasks
/// package from the local feed. Properties, items and files are added fluently, then <see cref="Write"/> puts the
/// project file, <c>Program.cs</c> and a <c>nuget.config</c> naming the feed on disk.
/// </summary>
internal sealed class TestProject
{
    private readonly PackageFeed _feed;
    private readonly Dictionary<string, string> _properties = new(StringComparer.Ordinal)
    {
        ["OutputType"] = "Exe",
        ["TargetFramework"] = "net10.0",
        ["ImplicitUsings"] = "enable",
        ["Nullable"] = "enable",
    };

    private readonly List<XElement> _items = [];

    public TestProject(string directory, string name, PackageFeed feed)
    {
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        Name = name;
        _feed = feed;
    }

    /// <summary>The project's folder.</summary>
    public string Directory { get; }

    /// <summary>The project's name, which is also its assembly name.</summary>
    public string Name { get; }

    /// <summary>The project file's path.</summary>
    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    /// <summary>The publish folder of a Release build for <paramref name="targetFramework"/>.</summary>
    public string PublishDirectory(string targetFramework = "net10.0") =>
        Path.Combine(Directory, "bin", "Release", targetFramework, "publish");

    /// <summary>Where BurnDisc puts the image by default, for a Release build of <paramref name="targetFramework"/>.</summary>
    public string DefaultImagePath(string targetFramework = "net10.0") =>
        Path.Combine(Directory, "bin", "Release", targetFramework, "disc", Name + ".iso");

    /// <summary>A path inside the project folder.</summary>
    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Sets a property in the project file.</summary>
    public TestProject Property(string name, string value)
    {
        _properties[name] = value;
        return this;
    }

    /// <summary>Removes a property (one of the defaults, such as TargetFramework) from the project file.</summary>
    public TestProject WithoutProperty(string name)
    {
        _properties.Remove(name);
        return this;
    }

    /// <summary>Adds an item, with metadata as attributes.</summary>
    public TestProject Item(string itemType, string include, params (string Name, string Value)[] metadata)
    {
        _items.Add(new XElement(
            itemType,
            new XAttribute("Include", include),
            metadata.Select(m => new XAttribute(m.Name, m.Value))));
        return this;
    }

    /// <summary>Writes a text file into the project folder now.</summary>
    public TestProject File(string relativePath, string content) =>
        File(relativePath, path => System.IO.File.WriteAllText(path, content));

    /// <summary>Writes a file of <paramref name="length"/> zero bytes into the project folder now, without using the disk for it.</summary>
    public TestProject SparseFile(string relativePath, long length) =>
        File(relativePath, path =>
        {
            using FileStream stream = System.IO.File.Create(path);
            stream.SetLength(length);
        });

    /// <summary>Writes a file of <paramref name="length"/> random bytes into the project folder now.</summary>
    public TestProject RandomFile(string relativePath, int length) =>
        File(relativePath, path =>
        {
            byte[] bytes = new byte[length];
            Random.Shared.NextBytes(bytes);
            System.IO.File.WriteAllBytes(path, bytes);
        });

    /// <summary>Writes the project file, a Program.cs for an app that has none, and nuget.config.</summary>
    public TestProject Write()
    {
        var project = new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup", _properties.Select(p => new XElement(p.Key, p.Value))),
            new XElement(
                "ItemGroup",
                new XElement(
                    "PackageReference",
                    new XAttribute("Include", "DiscMastering.Tasks"),
                    new XAttribute("Version", _feed.Version))),
            _items.Count == 0 ? null : new XElement("ItemGroup", _items));
        project.Save(ProjectFile);

        string program = PathOf("Program.cs");
        if (_properties.GetValueOrDefault("OutputType") == "Exe" && !System.IO.File.Exists(program))
        {
            System.IO.File.WriteAllText(program, $"Console.WriteLine(\"Hello from {Name}.\");\n");
        }

        WriteNuGetConfig(Directory, _feed);
        WriteFences(Directory);
        return this;
    }

    /// <summary>
    /// A nuget.config that adds the local feed to the machine's sources (no &lt;clear/&gt;: the SDK's own packages
    /// still come from where they always do).
    /// </summary>
    public static void WriteNuGetConfig(string directory, PackageFeed feed) =>
        new XElement(
                "configuration",
                new XElement(
                    "packageSources",
                    new XElement("add", new XAttribute("key", "discmastering-e2e"), new XAttribute("value", feed.Directory))))
            .Save(Path.Combine(directory, "nuget.config"));

    /// <summary>
    /// Empty Directory.Build.props/.targets and Directory.Packages.props, so nothing above the temporary folder can
    /// change how the project builds.
    /// </summary>
    public static void WriteFences(string directory)
    {
        foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            new XElement("Project").Save(Path.Combine(directory, name));
        }
    }

    private TestProject File(string relativePath, Action<string> write)
    {
        string path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        write(path);
        return this;
    }
}
