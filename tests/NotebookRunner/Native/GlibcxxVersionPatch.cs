using System.Buffers.Binary;

namespace NotebookRunner.Native;

/// <summary>
/// Marks a library's need for GLIBCXX_3.4.32 as weak (VER_FLG_WEAK in its .gnu.version_r Vernaux entry), so
/// the dynamic loader accepts an older libstdc++. TorchSharp 0.107.0 needs that version only for a marker
/// symbol nothing calls. Clearing the flag again (<see cref="Revert"/>) restores the original bytes.
/// </summary>
public static class GlibcxxVersionPatch
{
    public const string Version = "GLIBCXX_3.4.32";

    public enum State { NotRequired, Required, Patched }

    public static State Inspect(string libraryPath)
    {
        var need = FindNeed(ElfReader.Read(libraryPath));
        return need is null ? State.NotRequired : need.IsWeak ? State.Patched : State.Required;
    }

    /// <summary>Sets the weak flag in the file in place; returns false when there was nothing to change.</summary>
    public static bool Apply(string libraryPath) => SetWeak(libraryPath, weak: true);

    /// <summary>Clears the weak flag again; returns false when there was nothing to change.</summary>
    public static bool Revert(string libraryPath) => SetWeak(libraryPath, weak: false);

    private static bool SetWeak(string libraryPath, bool weak)
    {
        var need = FindNeed(ElfReader.Read(libraryPath));
        if (need is null || need.IsWeak == weak) return false;
        var flags = weak ? (ushort)(need.Flags | ElfVersionNeed.WeakFlag) : (ushort)(need.Flags & ~ElfVersionNeed.WeakFlag);
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, flags);
        using var file = new FileStream(libraryPath, FileMode.Open, FileAccess.Write, FileShare.Read);
        file.Position = need.FlagsOffset;
        file.Write(bytes);
        return true;
    }

    private static ElfVersionNeed? FindNeed(ElfReader elf) =>
        elf.VersionNeeds().FirstOrDefault(n => n.Version == Version);
}
