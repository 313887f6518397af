namespace DiscMastering.Tool.Tests.Native;

/// <summary>The command tests rerun against the natively compiled tool, which is published once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class NativeToolCollection : ICollectionFixture<NativeToolFixture>
{
    public const string Name = "Native tool";
}
