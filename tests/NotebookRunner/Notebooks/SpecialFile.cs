using System.Runtime.InteropServices;

namespace NotebookRunner.Notebooks;

/// <summary>
/// Whether a path (links followed) is a FIFO, a device or a socket: a node that must be written through, never
/// renamed over. .NET reports no file type, so on Linux this asks statx(2), whose layout is the same on every
/// architecture; elsewhere every existing non-folder counts as a regular file.
/// </summary>
public static class SpecialFile
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: mask, blksize, attributes, nlink, uid, gid, then mode (u16)
    private const int TypeMask = 0xF000, RegularFile = 0x8000, Directory = 0x4000;

    public static bool Is(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        var buffer = new byte[256];
        try
        {
            if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0) return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        var type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type is not (RegularFile or Directory);
    }

    [DllImport("libc.so.6", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
