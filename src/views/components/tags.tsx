import { skillLabel } from "../../content/skills.ts";

export function SkillTags({ skills, label = "Skills" }: { skills: readonly string[]; label?: string }) {
  return (
    <ul class="tags" aria-label={label}>
      {skills.map((skill) => (
        <li>{skillLabel(skill)}</li>
      ))}
    </ul>
  );
}
