using System.Text;
using SkillBot.Core.Text;

namespace SkillBot.Core.Catalogue;

public static partial class CsvImport
{
    /// <summary>
    /// The ladders of a sheet that gives tracks: each track with its levels, lowest first. A sheet has no column for
    /// a level's place, so the order is what the rows show: within one skill and role, rows list levels lowest first;
    /// levels no row puts in order keep the order they are first named in. Rows that disagree are named, not guessed.
    /// </summary>
    private sealed class TrackLadders
    {
        private sealed class ImportedTrack(string name, int line)
        {
            public string Name => name;
            public int Line => line;
            public Row? Aliases { get; set; }
            public List<ImportedLevel> Levels { get; } = [];
            public HashSet<(int Lower, int Higher)> Below { get; } = [];
            public List<ImportedLevel> Ordered { get; set; } = [];
        }

        private sealed class ImportedLevel(string name, int line, int index)
        {
            public string Name => name;
            public int Line => line;
            public int Index => index;
            public Row? Aliases { get; set; }
            public Level? Level { get; set; }
        }

        private readonly List<ImportedTrack> _tracks = [];
        private readonly Dictionary<string, ImportedTrack> _byKey = new(StringComparer.Ordinal);

        public int LevelCount { get; private set; }

        /// <summary>The track's name as the sheet first spells it.</summary>
        public string TrackName(string track) => _byKey[Tokenizer.Key(track)].Name;

        /// <summary>Reads the ladders from the rows (each with a track) and sets each row's level; problems are added, each by line.</summary>
        public static TrackLadders Of(List<Row> rows, List<CsvProblem> problems)
        {
            var ladders = new TrackLadders();
            var levels = new Dictionary<string, (ImportedTrack Track, ImportedLevel Level)>(StringComparer.Ordinal);
            var lastOfRun = new Dictionary<(string Skill, string Role), ImportedLevel>();
            var rowLevels = new List<(Row Row, ImportedLevel Level)>();
            foreach (var row in rows)
            {
                var trackKey = Tokenizer.Key(row.Track!);
                if (!ladders._byKey.TryGetValue(trackKey, out var track))
                {
                    ladders._byKey[trackKey] = track = new ImportedTrack(row.Track!, row.Line);
                    ladders._tracks.Add(track);
                }
                var first = track.Aliases;
                Agree(row, row.TrackAliases, ref first, r => r.TrackAliases, $"track aliases of {track.Name}", problems);
                track.Aliases = first;
                var levelKey = Tokenizer.Key(row.LevelName);
                if (!levels.TryGetValue(levelKey, out var known))
                {
                    known = (track, new ImportedLevel(row.LevelName, row.Line, track.Levels.Count));
                    track.Levels.Add(known.Level);
                    levels[levelKey] = known;
                }
                else if (known.Track != track)
                {
                    problems.Add(new CsvProblem(row.Line,
                        $"level '{row.LevelName}' is on track '{known.Track.Name}' on line {known.Level.Line} but on track '{track.Name}' here: a level belongs to one track"));
                    continue;
                }
                var level = known.Level;
                first = level.Aliases;
                Agree(row, row.LevelAliases, ref first, r => r.LevelAliases, $"level aliases of {level.Name}", problems);
                level.Aliases = first;
                var run = (Tokenizer.Key(row.Skill), Tokenizer.Key(row.Role));
                if (lastOfRun.TryGetValue(run, out var below) && below != level && track.Levels.Contains(below))
                {
                    track.Below.Add((below.Index, level.Index));
                }
                lastOfRun[run] = level;
                rowLevels.Add((row, level));
            }
            foreach (var track in ladders._tracks)
            {
                if (Order(track) is not { } ordered)
                {
                    problems.Add(new CsvProblem(track.Line,
                        $"the rows list the levels of track '{track.Name}' in orders that disagree: give each skill's rows for a role lowest level first, in the same order in every skill"));
                    continue;
                }
                var trackModel = new Track(ladders._tracks.IndexOf(track), track.Name, [.. track.Aliases?.TrackAliases ?? []]);
                foreach (var (level, position) in ordered.Select((l, i) => (l, i + 1)))
                {
                    level.Level = new Level(++ladders.LevelCount, level.Name, [.. level.Aliases?.LevelAliases ?? []]) { Track = trackModel, Position = position };
                }
                track.Ordered = ordered;
            }
            foreach (var (row, level) in rowLevels)
            {
                row.Level = level.Level;
            }
            return ladders;
        }

        /// <summary>The levels lowest first: each after every level a row puts below it, ties in the order first named; null when the rows go round in a circle.</summary>
        private static List<ImportedLevel>? Order(ImportedTrack track)
        {
            var below = new int[track.Levels.Count];
            foreach (var (_, higher) in track.Below)
            {
                below[higher]++;
            }
            var ordered = new List<ImportedLevel>(track.Levels.Count);
            var placed = new bool[track.Levels.Count];
            while (ordered.Count < track.Levels.Count)
            {
                var next = Enumerable.Range(0, below.Length).FirstOrDefault(i => !placed[i] && below[i] == 0, -1);
                if (next < 0)
                {
                    return null;
                }
                placed[next] = true;
                ordered.Add(track.Levels[next]);
                foreach (var (lower, higher) in track.Below.Where(p => p.Lower == next))
                {
                    below[higher]--;
                }
            }
            return ordered;
        }

        /// <summary>levels.yaml with the tracks, in the order the sheet first names them (the first is a role's default).</summary>
        public string Yaml(string schemaComment)
        {
            var yaml = new StringBuilder()
                .AppendLine(schemaComment)
                .AppendLine("# The tracks, each its own ladder lowest first, as the spreadsheet lists them.")
                .AppendLine("tracks:");
            foreach (var track in _tracks)
            {
                yaml.AppendLine($"  - name: {YamlText.Scalar(track.Name)}");
                if (track.Aliases is { TrackAliases: { } trackAliases })
                {
                    yaml.AppendLine($"    aliases: [{string.Join(", ", trackAliases.Select(YamlText.Scalar))}]");
                }
                yaml.AppendLine("    levels:");
                foreach (var level in track.Ordered)
                {
                    yaml.AppendLine($"      - name: {YamlText.Scalar(level.Name)}");
                    if (level.Aliases is { LevelAliases: { } levelAliases })
                    {
                        yaml.AppendLine($"        aliases: [{string.Join(", ", levelAliases.Select(YamlText.Scalar))}]");
                    }
                }
            }
            return yaml.ToString().ReplaceLineEndings("\n");
        }
    }
}
