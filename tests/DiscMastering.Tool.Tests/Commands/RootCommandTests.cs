using DiscMastering.Tool.Commands;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary>
/// <c>discmaster</c> itself: help lists every command, and a command named on the command line is found whatever
/// its case, although only that one is built (<see cref="InvokedSubcommandConvention"/>).
/// </summary>
public class RootCommandTests
{
    public RootCommandTests()
        : this(Discmaster.Managed)
    {
    }

    protected RootCommandTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    [Fact]
    public void EveryCommandClass_IsASubcommand()
    {
        var commands = typeof(DiscmasterCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CommandBase)) && !t.IsAbstract && t != typeof(DiscmasterCommand))
            .Select(t => t.Name)
            .Order();
        var subcommands = DiscmasterCommand.Subcommands.Select(s => s.Name).ToList();

        Assert.Equal(subcommands.Count, subcommands.Distinct().Count());
        Assert.Equal(commands.Count(), subcommands.Count);
    }

    [Fact]
    public void Help_ListsEveryCommand()
    {
        var run = Discmaster.Run("--help");

        run.AssertSucceeded();
        var listed = run.Output.Split('\n').SkipWhile(l => !l.StartsWith("Commands:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0]);
        Assert.Equal(DiscmasterCommand.Subcommands.Select(s => s.Name).Order(), listed);
    }

    [Fact]
    public void NoCommand_ShowsHelp_AndFails()
    {
        var run = Discmaster.Run();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Commands:", run.Output);
    }

    [Fact]
    public void CommandName_IsFoundWhateverItsCase()
    {
        var run = Discmaster.Run("IMAGE", "--help");

        run.AssertSucceeded();
        Assert.StartsWith("Master folders and files into an ISO 9660", run.Output);
    }

    [Fact]
    public void MistypedCommand_IsAnInvalidArgument_NamingIt()
    {
        var run = Discmaster.Run("imgae", "folder");

        run.AssertFailedWith("DM1000");
        Assert.Contains("'imgae'", run.Error);
    }

    [Fact]
    public void Version_IsTheInformationalVersion()
    {
        var run = Discmaster.Run("--version");

        run.AssertSucceeded();
        Assert.Contains(DiscmasterCommand.Version, run.Output);
    }
}
