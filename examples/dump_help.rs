use clap::CommandFactory;
fn walk(cmd: &clap::Command, path: &str) {
    let p = if path.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{path} {}", cmd.get_name())
    };
    println!(
        "CMD {p} | about={:?} | long={:?}",
        cmd.get_about().map(|s| s.to_string()),
        cmd.get_long_about().map(|s| s.to_string())
    );
    for arg in cmd.get_arguments() {
        println!(
            "ARG {p}.{} | help={:?} | long={:?} | heading={:?} | pv={}",
            arg.get_id(),
            arg.get_help().map(|s| s.to_string()),
            arg.get_long_help().map(|s| s.to_string()),
            arg.get_help_heading(),
            arg.get_possible_values()
                .iter()
                .map(|v| format!("{}:{:?}", v.get_name(), v.get_help().map(|s| s.to_string())))
                .collect::<Vec<_>>()
                .join(";")
        );
    }
    for sub in cmd.get_subcommands() {
        walk(sub, &p);
    }
}
fn main() {
    walk(&localaction::args::Args::command(), "");
}
