export default function CluesPage() { return null; }
