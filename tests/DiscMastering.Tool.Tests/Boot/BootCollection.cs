namespace DiscMastering.Tool.Tests.Boot;

/// <summary>The boot tests share their payloads and run one QEMU at a time: software emulation wants the cores.</summary>
[CollectionDefinition(Name)]
public sealed class BootCollection : ICollectionFixture<BootPayloads>
{
    public const string Name = "Boot";
}
