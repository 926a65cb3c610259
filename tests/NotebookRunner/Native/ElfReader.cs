using System.Buffers.Binary;
using System.Text;

namespace NotebookRunner.Native;

/// <summary>One section header of an ELF file.</summary>
public sealed record ElfSection(string Name, uint Type, long Offset, long Size, int Link, int Info);

/// <summary>A version a shared object needs from one of its dependencies (an Elf64_Vernaux entry).</summary>
/// <param name="FlagsOffset">File offset of the entry's vna_flags, for patching.</param>
public sealed record ElfVersionNeed(string File, string Version, ushort Flags, long FlagsOffset)
{
    public const ushort WeakFlag = 0x2; // VER_FLG_WEAK

    public bool IsWeak => (Flags & WeakFlag) != 0;
}

/// <summary>
/// Reads the section headers and GNU symbol versioning sections (.gnu.version_r needs, .gnu.version_d
/// definitions) of a 64-bit little-endian ELF file -- just enough to check and patch version requirements.
/// </summary>
public sealed class ElfReader
{
    public const uint ShtGnuVerdef = 0x6ffffffd;
    public const uint ShtGnuVerneed = 0x6ffffffe;

    private readonly byte[] _bytes;

    private ElfReader(byte[] bytes, IReadOnlyList<ElfSection> sections)
    {
        _bytes = bytes;
        Sections = sections;
    }

    public IReadOnlyList<ElfSection> Sections { get; }

    public static ElfReader Read(string path) => Parse(File.ReadAllBytes(path), path);

    public static ElfReader Parse(byte[] bytes, string nameForErrors = "file")
    {
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException($"{nameForErrors} is not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException($"{nameForErrors} is not a 64-bit little-endian ELF file");

        var shoff = checked((long)U64(bytes, 0x28));
        int shentsize = U16(bytes, 0x3A), shnum = U16(bytes, 0x3C), shstrndx = U16(bytes, 0x3E);
        var raw = new List<(uint Name, uint Type, long Offset, long Size, int Link, int Info)>();
        for (var i = 0; i < shnum; i++)
        {
            var h = checked((int)(shoff + (long)i * shentsize));
            raw.Add((U32(bytes, h), U32(bytes, h + 4), (long)U64(bytes, h + 24), (long)U64(bytes, h + 32),
                (int)U32(bytes, h + 40), (int)U32(bytes, h + 44)));
        }
        var names = shstrndx < raw.Count ? raw[shstrndx].Offset : -1;
        var sections = raw.Select(s => new ElfSection(names < 0 ? "" : CString(bytes, names + s.Name), s.Type, s.Offset, s.Size, s.Link, s.Info)).ToList();
        return new ElfReader(bytes, sections);
    }

    /// <summary>Every Vernaux entry of the SHT_GNU_verneed section(s).</summary>
    public IReadOnlyList<ElfVersionNeed> VersionNeeds()
    {
        var needs = new List<ElfVersionNeed>();
        foreach (var section in Sections.Where(s => s.Type == ShtGnuVerneed))
        {
            var strings = Sections[section.Link].Offset;
            var entry = section.Offset;
            for (var i = 0; i < section.Info; i++)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
                int count = U16(_bytes, entry + 2);
                var file = CString(_bytes, strings + U32(_bytes, entry + 4));
                var aux = entry + U32(_bytes, entry + 8);
                for (var j = 0; j < count; j++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                    needs.Add(new ElfVersionNeed(file, CString(_bytes, strings + U32(_bytes, aux + 8)), U16(_bytes, aux + 4), aux + 4));
                    var nextAux = U32(_bytes, aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                var next = U32(_bytes, entry + 12);
                if (next == 0) break;
                entry += next;
            }
        }
        return needs;
    }

    /// <summary>The version names the SHT_GNU_verdef section defines (e.g. GLIBCXX_3.4.30 in libstdc++).</summary>
    public IReadOnlyList<string> VersionDefinitions()
    {
        var definitions = new List<string>();
        foreach (var section in Sections.Where(s => s.Type == ShtGnuVerdef))
        {
            var strings = Sections[section.Link].Offset;
            var entry = section.Offset;
            for (var i = 0; i < section.Info; i++)
            {
                // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32
                // The first Verdaux (vda_name u32, vda_next u32) names the version itself.
                var aux = entry + U32(_bytes, entry + 12);
                definitions.Add(CString(_bytes, strings + U32(_bytes, aux)));
                var next = U32(_bytes, entry + 16);
                if (next == 0) break;
                entry += next;
            }
        }
        return definitions;
    }

    private static ushort U16(byte[] b, long at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(checked((int)at), 2));

    private static uint U32(byte[] b, long at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(checked((int)at), 4));

    private static ulong U64(byte[] b, long at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(checked((int)at), 8));

    private static string CString(byte[] b, long at)
    {
        var start = checked((int)at);
        var end = Array.IndexOf(b, (byte)0, start);
        return Encoding.ASCII.GetString(b, start, (end < 0 ? b.Length : end) - start);
    }
}
