using System.Reflection;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;

namespace DiscMastering.Tool.Commands;

/// <summary>
/// Gives the root command its subcommands: only the one the command line starts with, or all of them when it
/// starts with none (help, --version, a mistyped name). Each command's model is built by reflection, which in the
/// ahead-of-time compiled tool costs more than a millisecond per command, and start-up is most of a small job.
/// </summary>
internal sealed class InvokedSubcommandConvention(IReadOnlyList<string> arguments) : IConvention
{
    public void Apply(ConventionContext context)
    {
        // Subcommands inherit the conventions: this one acts on the root alone.
        if (context.ModelType != typeof(DiscmasterCommand))
        {
            return;
        }

        var first = arguments.Count > 0 ? arguments[0] : null;
        var named = DiscmasterCommand.Subcommands.Where(s => string.Equals(s.Name, first, StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var subcommand in named.Count > 0 ? named : DiscmasterCommand.Subcommands)
        {
            subcommand.AddTo(context.Application);
        }
    }
}

/// <summary>A subcommand: its name, as its [Command] attribute gives it, and how to add it to a parent.</summary>
internal sealed record Subcommand(string Name, Action<CommandLineApplication> AddTo)
{
    /// <summary>The subcommand of model <typeparamref name="TCommand"/>; its [Command] attribute names it, as CommandLineUtils' own conventions read it.</summary>
    public static Subcommand Of<TCommand>()
        where TCommand : class
        => new(
            typeof(TCommand).GetCustomAttribute<CommandAttribute>()?.Name ?? throw new InvalidOperationException($"{typeof(TCommand).Name} has no [Command(Name = ...)]."),
            parent => parent.Command<TCommand>(null!, null!));
}
